using Eas.Mail.Gal.Ldap;

namespace Eas.Mail.Tests.Gal;

/// <summary>RFC 4515 section 3: the characters an assertion value must not carry raw.</summary>
public sealed class LdapFilterTests
{
    [Theory]
    [InlineData("alice", "alice")]
    [InlineData("*", @"\2a")]
    [InlineData("(", @"\28")]
    [InlineData(")", @"\29")]
    [InlineData(@"\", @"\5c")]
    [InlineData("\0", @"\00")]
    [InlineData("*(uid=*))(|(cn=", @"\2a\28uid=\2a\29\29\28|\28cn=")]
    [InlineData("Zoë Ørsted", "Zoë Ørsted")]
    public void RFC_4515_3_reserved_characters_are_escaped_as_hex_pairs(string value, string expected) =>
        LdapFilter.Escape(value).ShouldBe(expected);

    [Fact]
    public void A_prefix_filter_escapes_the_value_and_keeps_its_own_wildcard() =>
        LdapFilter.Prefix("cn", "a*(").ShouldBe(@"(cn=a\2a\28*)");

    [Fact]
    public void The_base_filter_is_anded_with_the_query() =>
        LdapFilter.Both("(objectClass=inetOrgPerson)", LdapFilter.Any(["(cn=a*)", "(mail=a*)"]))
            .ShouldBe("(&(objectClass=inetOrgPerson)(|(cn=a*)(mail=a*)))");

    [Fact]
    public void A_base_filter_without_parentheses_gets_them() =>
        LdapFilter.Both("objectClass=person", "(cn=a*)").ShouldBe("(&(objectClass=person)(cn=a*))");

    [Fact]
    public void One_alternative_is_not_wrapped_in_an_or() => LdapFilter.Any(["(cn=a*)", "(CN=a*)"]).ShouldBe("(cn=a*)");
}
