using System.Globalization;
using System.Text;
using MimeKit;

namespace Eas.Actors.Devices.Access;

/// <summary>
/// The mails of a quarantine: the notice a quarantined device's owner finds in the Inbox, once per device (as Exchange
/// sends when a device is quarantined, and which the phone itself syncs, <see cref="QuarantineView"/>), marked with
/// <see cref="QuarantineView.NoticeHeader"/>; and the admins' notice that a device waits for their decision.
/// </summary>
public static class QuarantineNotice
{
    /// <summary>The default notice subject (<see cref="QuarantineNoticeSettings.NoticeSubject"/>).</summary>
    public const string Subject = QuarantineNoticeSettings.DefaultSubject;

    /// <summary>The placeholders a subject or body template may use.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["{DeviceType}", "{DeviceModel}", "{DeviceId}", "{Account}", "{OperatingSystem}", "{UserAgent}", "{FirstSeen}"];

    public static MimeMessage Build(string emailAddress, DeviceState device, DateTimeOffset now) => Build(QuarantineNoticeSettings.Default, emailAddress, device, now);

    /// <summary>The notice for the account's Inbox, from the configured templates.</summary>
    public static MimeMessage Build(QuarantineNoticeSettings settings, string emailAddress, DeviceState device, DateTimeOffset now)
    {
        var address = AddressOf(emailAddress);
        var message = new MimeMessage
        {
            Subject = Fill(settings.NoticeSubject, emailAddress, device, now),
            Date = now,
            MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(),
        };
        message.From.Add(new MailboxAddress("ActiveSync", address.Address));
        message.To.Add(address);
        message.Headers.Add(QuarantineView.NoticeHeader, device.DeviceId);
        message.Body = new TextPart("plain") { Text = Fill(settings.NoticeBody, emailAddress, device, now) };
        return message;
    }

    /// <summary>The admins' notice: which account's device is quarantined, what it is, and how to approve or block it.</summary>
    public static MimeMessage BuildForAdmins(QuarantineNoticeSettings settings, string emailAddress, DeviceState device, DateTimeOffset now)
    {
        var message = new MimeMessage
        {
            Subject = Fill("Mobile device {DeviceId} of {Account} is quarantined", emailAddress, device, now),
            Date = now,
            MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(),
        };
        message.From.Add(new MailboxAddress("ActiveSync", AddressOf(emailAddress).Address));
        foreach (var admin in settings.NotifyAddresses) message.To.Add(AddressOf(admin));
        message.Headers.Add(QuarantineView.NoticeHeader, device.DeviceId);
        message.Body = new TextPart("plain")
        {
            Text = Fill("""
                A mobile device is quarantined and waits for an administrator's decision.

                Account: {Account}
                Device: {DeviceId}
                Type: {DeviceType}
                Model: {DeviceModel}
                Operating system: {OperatingSystem}
                User-Agent: {UserAgent}
                First seen: {FirstSeen}

                Approve it:  POST /admin/api/accounts/{Account}/devices/{DeviceId}/approve
                Block it:    POST /admin/api/accounts/{Account}/devices/{DeviceId}/block
                """, emailAddress, device, now),
        };
        return message;
    }

    /// <summary>A template with its placeholders replaced; what the device has not reported reads "unknown".</summary>
    public static string Fill(string template, string account, DeviceState device, DateTimeOffset now) => new StringBuilder(template)
        .Replace("{DeviceType}", device.DeviceType ?? "unknown")
        .Replace("{DeviceModel}", device.Information?.Model ?? "unknown")
        .Replace("{DeviceId}", device.DeviceId)
        .Replace("{Account}", account)
        .Replace("{OperatingSystem}", device.Information?.OperatingSystem ?? "unknown")
        .Replace("{UserAgent}", device.UserAgent ?? device.Information?.UserAgent ?? "unknown")
        .Replace("{FirstSeen}", (device.FirstSeen ?? now).ToString("u", CultureInfo.InvariantCulture))
        .ToString();

    private static MailboxAddress AddressOf(string address) =>
        MailboxAddress.TryParse(address, out var parsed) ? parsed : new MailboxAddress(address, address);
}
