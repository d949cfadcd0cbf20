using Eas.Actors.OutOfOffice;

namespace Eas.Actors.Tests.OutOfOffice;

/// <summary>Adding the one include line (RFC 6609) to the user's active script, leaving the user's rules byte for byte.</summary>
public sealed class SieveIncludesTests
{
    private static readonly string Inserted = "\r\n" + SieveIncludes.IncludeLine;

    [Fact]
    public void RFC_6609_the_include_goes_right_after_the_leading_requires_and_nothing_else_changes()
    {
        const string user = "# my rules\nrequire [\"fileinto\", \"reject\"];\nrequire \"imap4flags\";\nif header :contains \"subject\" \"[list]\" {\n  fileinto \"Lists\";\n  stop;\n}\n";

        var result = SieveIncludes.AddTo(user);

        result.ShouldBe(user.Insert(user.IndexOf("\"imap4flags\";", StringComparison.Ordinal) + "\"imap4flags\";".Length, Inserted));
        result.Replace(Inserted, "", StringComparison.Ordinal).ShouldBe(user);
        result.IndexOf(SieveIncludes.IncludeLine, StringComparison.Ordinal).ShouldBeLessThan(result.IndexOf("if header", StringComparison.Ordinal));
    }

    [Fact]
    public void RFC_5228_3_2_comments_and_semicolons_inside_strings_do_not_end_the_requires_early()
    {
        const string user = "/* require \"x\"; */ require [\"fileinto\", # a comment; \n \"va;cation\"] ;\r\nkeep;\r\n";

        var end = SieveIncludes.EndOfRequires(user);

        user[..end].ShouldEndWith("] ;");
    }

    [Fact]
    public void A_script_without_requires_gets_the_line_first()
    {
        const string user = "keep;\r\n";

        SieveIncludes.AddTo(user).ShouldBe(SieveIncludes.IncludeLine + "\r\n" + user);
    }

    [Fact]
    public void A_word_that_only_starts_with_require_is_not_a_require()
    {
        SieveIncludes.EndOfRequires("requirement;\r\n").ShouldBe(0);
    }

    [Fact]
    public void A_script_that_already_includes_ours_is_recognised()
    {
        SieveIncludes.Includes(SieveIncludes.AddTo("keep;")).ShouldBeTrue();
        SieveIncludes.Includes(SieveIncludes.RulesScript).ShouldBeTrue();
        SieveIncludes.Includes("include :personal \"other\";").ShouldBeFalse();
    }
}
