using System.Globalization;
using MimeKit;

namespace Eas.Actors.Devices.Access;

/// <summary>
/// The mail a quarantined device's owner finds in the Inbox, once per device (as Exchange sends when a device is
/// quarantined): the device is held until an administrator approves it, and which device it is.
/// </summary>
public static class QuarantineNotice
{
    /// <summary>The notice's subject; tests and mail rules can find it by it.</summary>
    public const string Subject = "Your mobile device is quarantined";

    public static MimeMessage Build(string emailAddress, DeviceState device, DateTimeOffset now)
    {
        var address = MailboxAddress.TryParse(emailAddress, out var parsed) ? parsed : new MailboxAddress(emailAddress, emailAddress);
        var message = new MimeMessage
        {
            Subject = Subject,
            Date = now,
            MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(),
        };
        message.From.Add(new MailboxAddress("ActiveSync", address.Address));
        message.To.Add(address);
        var text = string.Create(CultureInfo.InvariantCulture, $"""
            Your mobile device is quarantined: it cannot sync mail, calendar or contacts until an administrator approves it.
            You need not do anything; it starts syncing on its own once it is approved.

            Device: {device.DeviceId}
            Type: {device.DeviceType ?? "unknown"}
            Model: {device.Information?.Model ?? "unknown"}
            Operating system: {device.Information?.OperatingSystem ?? "unknown"}
            User-Agent: {device.UserAgent ?? device.Information?.UserAgent ?? "unknown"}
            First seen: {device.FirstSeen ?? now:u}
            """);
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }
}
