using System.Globalization;
using System.Text.RegularExpressions;
using MimeKit;

namespace Eas.Load.Push;

/// <summary>
/// The number of a bench delivery in its message's subject (<c>[push 17] …</c>), so the ledger can tell which Sync
/// brought which delivery to a phone instead of guessing from the times of requests.
/// </summary>
internal static partial class DeliveryMark
{
    /// <summary>Puts delivery <paramref name="number"/>'s mark in front of the subject of <paramref name="message"/>.</summary>
    public static void Stamp(MimeMessage message, int number) =>
        message.Subject = string.Create(CultureInfo.InvariantCulture, $"[push {number}] {message.Subject}");

    /// <summary>The delivery number marked in <paramref name="subject"/>; null for a message the bench did not deliver.</summary>
    public static int? NumberIn(string? subject) =>
        subject is not null && Mark().Match(subject) is { Success: true } match ? int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^\[push (\d{1,9})\] ")]
    private static partial Regex Mark();
}
