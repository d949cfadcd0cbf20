namespace Eas.Mail.Mime.Writing;

/// <summary>Bounds and clock for <see cref="OutgoingMessage.ReadAsync"/>.</summary>
public sealed record OutgoingMessageOptions
{
    /// <summary>256 KiB header blocks, 500 recipients, the system clock.</summary>
    public static OutgoingMessageOptions Default { get; } = new();

    /// <summary>
    /// Bounds on the submitted message's structure. The header block bound is lower than for mail being read:
    /// a phone's own header is a few kilobytes, and a References chain of a thousand ids still fits.
    /// </summary>
    public MimeLimits Limits { get; init; } = MimeLimits.Default with { MaxHeaderBytes = 256 * 1024 };

    /// <summary>
    /// Most envelope recipients (To, Cc and Bcc after removing duplicates). RFC 5321 section 4.5.3.1.8 has
    /// SMTP servers accept at least 100; 500 is Exchange Online's default per-message limit.
    /// </summary>
    public int MaxRecipients { get; init; } = 500;

    /// <summary>The clock for a Date field the message lacks.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
