using Eas.Mail.Mime;

namespace Eas.Mail.Tests.Mime;

/// <summary>Date fields (RFC 5322 section 3.3), the obsolete forms of section 4.3, and what mailers send.</summary>
public sealed class MimeDateTests
{
    [Theory]
    [InlineData("Fri, 21 Nov 1997 09:55:06 -0600", "1997-11-21T09:55:06-06:00")]
    [InlineData("Tue, 1 Jul 2003 10:52:37 +0200", "2003-07-01T10:52:37+02:00")]
    [InlineData("Thu,\r\n 13\r\n   Feb\r\n 1969\r\n 23:32\r\n  -0330 (Newfoundland Time)", "1969-02-13T23:32:00-03:30")]
    [InlineData("21 Nov 97 09:55:06 GMT", "1997-11-21T09:55:06+00:00")]
    [InlineData("Fri, 21 Nov 1997 09:55:06 EST", "1997-11-21T09:55:06-05:00")]
    [InlineData("Fri, 21 Nov 1997 09:55:06 PDT", "1997-11-21T09:55:06-07:00")]
    [InlineData("1 Jan 49 00:00:00 +0000", "2049-01-01T00:00:00+00:00")]
    [InlineData("1 Jan 50 00:00:00 +0000", "1950-01-01T00:00:00+00:00")]
    [InlineData("1 Jan 103 00:00:00 +0000", "2003-01-01T00:00:00+00:00")]
    [InlineData("Mon, 1 Jan 2024 10:00:00 Z", "2024-01-01T10:00:00+00:00")]
    [InlineData("Mon, 1 Jan 2024 10:00:00 A", "2024-01-01T10:00:00+00:00")]
    public void RFC_5322_and_obsolete_forms(string value, string expected) =>
        MimeDate.Parse(value).ShouldBe(DateTimeOffset.Parse(expected));

    [Theory]
    [InlineData("Mon 1 Jan 2024 10:00:00 +0100", "2024-01-01T10:00:00+01:00")]
    [InlineData("1 Jan 2024 10:00 +0100", "2024-01-01T10:00:00+01:00")]
    [InlineData("Mon, 01 January 2024 10:00:00 +0100", "2024-01-01T10:00:00+01:00")]
    [InlineData("Mon, 1 Jan 2024 10:00:00", "2024-01-01T10:00:00+00:00")]
    [InlineData("Mon, 1 Jan 2024 10:00:00 GMT+0100", "2024-01-01T10:00:00+01:00")]
    [InlineData("Mon, 1 Jan 2024 10:00:00 +01:00", "2024-01-01T10:00:00+01:00")]
    [InlineData("Mon, 1 Jan 2024 10:00:00+0100", "2024-01-01T10:00:00+01:00")]
    [InlineData("Mon Jan  1 10:00:00 2024", "2024-01-01T10:00:00+00:00")]
    [InlineData("Jan 1, 2024 10:00:00 PM +0100", "2024-01-01T22:00:00+01:00")]
    [InlineData("1-Jan-2024 10:00:00 +0100", "2024-01-01T10:00:00+01:00")]
    [InlineData("Mon, 1 Jan 2024 10:00:00 CET", "2024-01-01T10:00:00+01:00")]
    [InlineData("Mon, 1 Jan 2024 10:00:00.123 +0100", "2024-01-01T10:00:00+01:00")]
    [InlineData("Sat, 31 Dec 2016 23:59:60 +0000", "2016-12-31T23:59:59+00:00")]
    [InlineData("Mon, 1 Jan 2024 10:00:00 +9999", "2024-01-01T10:00:00+00:00")]
    [InlineData("2024-01-01T10:00:00+01:00", "2024-01-01T10:00:00+01:00")]
    [InlineData("2024-01-01 10:00:00Z", "2024-01-01T10:00:00+00:00")]
    public void Broken_forms_mailers_send(string value, string expected) =>
        MimeDate.Parse(value).ShouldBe(DateTimeOffset.Parse(expected));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("31 Feb 2024 10:00:00 +0000")]
    [InlineData("Mon, 1 Jan 2024 25:00:00 +0000")]
    [InlineData("1 2 3")]
    [InlineData("Mon, Jan 2024")]
    public void Values_without_a_real_date_give_null(string? value) =>
        MimeDate.Parse(value).ShouldBeNull();

    [Fact]
    public void The_zone_is_kept_as_an_offset()
    {
        var date = MimeDate.Parse("Tue, 1 Jul 2003 10:52:37 +0200")!.Value;

        date.Offset.ShouldBe(TimeSpan.FromHours(2));
        date.UtcDateTime.ShouldBe(new DateTime(2003, 7, 1, 8, 52, 37, DateTimeKind.Utc));
    }
}
