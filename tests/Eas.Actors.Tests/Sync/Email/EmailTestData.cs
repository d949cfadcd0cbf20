using System.Collections.Immutable;
using Eas.Actors.Sync.Email;
using Eas.Wire.Commands;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Actors.Tests.Sync.Email;

/// <summary>Sample messages and small helpers for reading encoded elements.</summary>
internal static class EmailTestData
{
    public static readonly DateTime Received = new(2025, 3, 14, 9, 26, 53, 589, DateTimeKind.Utc);
    public static readonly DateTime Sent = new(2025, 3, 14, 9, 20, 0, DateTimeKind.Utc);

    public static readonly ProtocolVersion[] AllVersions =
    [
        ProtocolVersion.V25, ProtocolVersion.V120, ProtocolVersion.V121, ProtocolVersion.V140,
        ProtocolVersion.V141, ProtocolVersion.V160, ProtocolVersion.V161,
    ];

    public static TheoryData<string> VersionNames()
    {
        var data = new TheoryData<string>();
        foreach (var version in AllVersions) data.Add(version.ToString());
        return data;
    }

    /// <summary>A converter that makes converted text easy to recognise.</summary>
    public static string FakeHtmlToText(string html) => "converted:" + html.Replace("<p>", string.Empty, StringComparison.Ordinal).Replace("</p>", string.Empty, StringComparison.Ordinal);

    /// <summary>A message with every header, both bodies, an attachment, flags set.</summary>
    public static EmailItem FullItem() => new()
    {
        Subject = "Re: Quarterly numbers",
        From = [new EmailAddress("Anna Berg", "anna@example.com")],
        To = [new EmailAddress("Björn Ek", "bjorn@example.com"), new EmailAddress(null, "team@example.com")],
        Cc = [new EmailAddress("Carl", "carl@example.com")],
        ReplyTo = [new EmailAddress(null, "list@example.com")],
        Sender = new EmailAddress("List Bot", "bot@example.com"),
        DateReceived = Received,
        DateSent = Sent,
        Importance = EmailImportance.High,
        MessageId = "<c@example.com>",
        InReplyTo = "<b@example.com>",
        References = ["<a@example.com>", "<b@example.com>"],
        Read = true,
        Flag = EmailFlag.FollowUp,
        Categories = ["Work", "Project X"],
        Answered = true,
        LastVerbExecutionTime = Received.AddHours(1),
        ReceivedAsBcc = true,
        PlainText = EmailBodyText.Complete("Hello Björn,\nthe numbers are in."),
        Html = EmailBodyText.Complete("<p>Hello Björn,</p><p>the numbers are in.</p>"),
        Mime = EmailMime.Complete("From: anna@example.com\r\nSubject: Re: Quarterly numbers\r\n\r\nHello\r\n"u8.ToArray()),
        Attachments = [new EmailAttachment("report.pdf", "application/pdf", 48213, "att:17:2")],
    };

    public static EmailEncodingOptions Options(ProtocolVersion version, params BodyPreference[] preferences) =>
        new(version, FakeHtmlToText) { BodyPreferences = [.. preferences] };

    public static ProtocolVersion Version(string text) => ProtocolVersion.Parse(text);

    /// <summary>The children's qualified names in document order, e.g. <c>Email:To</c>.</summary>
    public static ImmutableArray<string> Names(WbxmlElement element) =>
        [.. Children(element).Select(child => $"{child.Namespace}:{child.Name}")];

    public static IEnumerable<WbxmlElement> Children(WbxmlElement element)
    {
        foreach (var child in element.Children) yield return child;
    }

    /// <summary>The single child with the tag; fails the test when missing.</summary>
    public static WbxmlElement Child(WbxmlElement element, ushort tag) =>
        element.Element(tag) ?? throw new ShouldAssertException($"No child 0x{tag:X4} in {element}");

    public static SyncMimeSupport Mime(int level) => (SyncMimeSupport)level;
}
