using Eas.Mail.Mime;
using FsCheck;
using FsCheck.Fluent;

namespace Eas.Mail.Tests.Mime;

/// <summary>Address lists (RFC 5322 section 3.4), their obsolete forms (section 4.4) and common breakage.</summary>
public sealed class MailAddressTests
{
    [Theory]
    [InlineData("ann@example.com", "", "ann@example.com")]
    [InlineData("Ann Smith <ann@example.com>", "Ann Smith", "ann@example.com")]
    [InlineData("\"Smith, Ann\" <ann@example.com>", "Smith, Ann", "ann@example.com")]
    [InlineData("\"Ann \\\"the\\\" Smith\" <ann@example.com>", "Ann \"the\" Smith", "ann@example.com")]
    [InlineData("<ann@example.com>", "", "ann@example.com")]
    [InlineData("John Q. Public <jqp@example.com>", "John Q. Public", "jqp@example.com")]
    [InlineData("ann@example.com (Ann Smith)", "Ann Smith", "ann@example.com")]
    [InlineData("Ann (the boss) Smith <ann@example.com> (work)", "Ann Smith", "ann@example.com")]
    [InlineData("ann (comment) @ (more) example.com", "more", "ann@example.com")]
    [InlineData("\"john doe\"@example.com", "", "\"john doe\"@example.com")]
    [InlineData("\"john\"@example.com", "", "john@example.com")]
    [InlineData("<@relay1.example,@relay2.example:ann@example.com>", "", "ann@example.com")]
    [InlineData("Ann <ann@[192.0.2.1]>", "Ann", "ann@[192.0.2.1]")]
    [InlineData("=?utf-8?q?J=C3=B6rg?= =?utf-8?q?_M=C3=BCller?= <jm@example.de>", "Jörg Müller", "jm@example.de")]
    [InlineData("\"=?utf-8?B?0JDQvdC90LA=?=\" <anna@example.ru>", "Анна", "anna@example.ru")]
    [InlineData("Jörg Müller <jm@example.de>", "Jörg Müller", "jm@example.de")]
    [InlineData("Ann Smith ann@example.com", "Ann Smith", "ann@example.com")]
    [InlineData("Ann <ann@example.com", "Ann", "ann@example.com")]
    [InlineData("postmaster", "", "postmaster")]
    public void Single_mailboxes(string value, string name, string address)
    {
        var mailbox = MailAddress.ParseList(value).ShouldHaveSingleItem();

        mailbox.ShouldBe(new MailAddress(name, address));
    }

    [Fact]
    public void Lists_with_empty_elements_and_semicolons_as_separators()
    {
        var list = MailAddress.ParseList("a@x.org, , \"B\" <b@x.org>,,c@x.org; d@x.org");

        list.Select(a => a.Address).ShouldBe(["a@x.org", "b@x.org", "c@x.org", "d@x.org"]);
        list[1].Name.ShouldBe("B");
    }

    [Fact]
    public void Groups_give_their_members_the_group_name()
    {
        var list = MailAddress.ParseList("Team: ann@x.org, Bob <bob@x.org>;, carl@x.org, undisclosed-recipients:;");

        list.ShouldBe([
            new MailAddress("", "ann@x.org") { Group = "Team" },
            new MailAddress("Bob", "bob@x.org") { Group = "Team" },
            new MailAddress("", "carl@x.org"),
        ]);
    }

    [Fact]
    public void An_unclosed_angle_bracket_does_not_swallow_the_next_address()
    {
        var list = MailAddress.ParseList("Ann <ann@x.org, bob@x.org");

        list.Select(a => a.Address).ShouldBe(["ann@x.org", "bob@x.org"]);
    }

    [Fact]
    public void Stray_closing_characters_are_kept_as_text()
    {
        MailAddress.ParseList("Ann) <a@x.org>, ]b@x.org").ShouldBe([new MailAddress("Ann)", "a@x.org"), new MailAddress("", "]b@x.org")]);
    }

    [Fact]
    public void Long_lists_are_read_whole_and_hostile_ones_in_linear_time()
    {
        MailAddress.ParseList(string.Join(", ", Enumerable.Range(0, 5000).Select(i => $"User {i} <u{i}@x.org>"))).Count.ShouldBe(5000);
        var hostile = string.Concat(Enumerable.Repeat("<a@b,", 20_000)) + string.Concat(Enumerable.Repeat("<@r,", 20_000)) +
                      new string('(', 20_000) + new string(')', 40_000) + string.Concat(Enumerable.Repeat("x:", 20_000));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        MailAddress.ParseList(hostile);

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<>")]
    [InlineData(",;:<>@\"(")]
    public void Empty_and_junk_values_give_no_addresses_or_harmless_ones(string value) =>
        Should.NotThrow(() => MailAddress.ParseList(value));

    [Theory]
    [InlineData("Ann Smith", "ann@x.org", "Ann Smith <ann@x.org>")]
    [InlineData("Smith, Ann", "ann@x.org", "\"Smith, Ann\" <ann@x.org>")]
    [InlineData("A. Smith", "a@x.org", "\"A. Smith\" <a@x.org>")]
    [InlineData("Say \"hi\"", "a@x.org", "\"Say \\\"hi\\\"\" <a@x.org>")]
    [InlineData("", "a@x.org", "a@x.org")]
    [InlineData("Jörg", "j@x.de", "Jörg <j@x.de>")]
    public void Formatting_quotes_names_only_when_needed(string name, string address, string expected) =>
        new MailAddress(name, address).ToString().ShouldBe(expected);

    [Fact]
    public void Formatting_for_the_wire_encodes_non_ASCII_names()
    {
        var text = new MailAddress("Jörg Müller", "jm@x.de").Format(encodeNonAscii: true);

        text.ShouldStartWith("=?utf-8?B?");
        MailAddress.ParseList(text).ShouldHaveSingleItem().Name.ShouldBe("Jörg Müller");
    }

    [Fact]
    public void Formatting_a_list_writes_groups()
    {
        var list = new[]
        {
            new MailAddress("", "a@x.org") { Group = "Team" },
            new MailAddress("B", "b@x.org") { Group = "Team" },
            new MailAddress("", "c@x.org"),
        };

        MailAddress.FormatList(list).ShouldBe("Team: a@x.org, B <b@x.org>;, c@x.org");
        MailAddress.ParseList(MailAddress.FormatList(list)).ShouldBe(list);
    }

    [Fact]
    public void Any_display_name_survives_formatting_and_parsing()
    {
        var names = ArbMap.Default.GeneratorFor<NonNull<string>>()
            .Select(s => new string(s.Get.Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).ToArray()).Trim())
            .Select(s => string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        var encode = ArbMap.Default.GeneratorFor<bool>();

        Prop.ForAll(names.Zip(encode).ToArbitrary(), pair =>
        {
            var (name, wire) = pair;
            var original = new MailAddress(name, "someone@example.com");
            var parsed = MailAddress.ParseList(original.Format(wire));
            return parsed.Count == 1 && parsed[0] == original;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
    }
}
