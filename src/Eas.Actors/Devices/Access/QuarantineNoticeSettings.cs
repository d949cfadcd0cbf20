using System.Collections.Immutable;

namespace Eas.Actors.Devices.Access;

/// <summary>
/// The quarantine mails (<c>Eas:Devices:Quarantine</c>): the notice the account finds in its Inbox, and who among
/// the admins is told when a device is quarantined. <see cref="NoticeSubject"/> and <see cref="NoticeBody"/> are
/// templates whose placeholders (<see cref="QuarantineNotice.Placeholders"/>) name the device and the account.
/// </summary>
public sealed record QuarantineNoticeSettings
{
    /// <summary>The notice's subject; tests and mail rules can find it by it.</summary>
    public string NoticeSubject { get; init; } = DefaultSubject;

    /// <summary>The notice's plain-text body.</summary>
    public string NoticeBody { get; init; } = DefaultBody;

    /// <summary>The admins mailed once per quarantined device; empty mails none.</summary>
    public ImmutableArray<string> NotifyAddresses { get; init; } = [];

    public const string DefaultSubject = "Your mobile device is quarantined";

    public const string DefaultBody = """
        Your mobile device is quarantined: it cannot sync mail, calendar or contacts until an administrator approves it.
        You need not do anything; it starts syncing on its own once it is approved.

        Device: {DeviceId}
        Type: {DeviceType}
        Model: {DeviceModel}
        Operating system: {OperatingSystem}
        User-Agent: {UserAgent}
        First seen: {FirstSeen}
        """;

    public static readonly QuarantineNoticeSettings Default = new();
}
