namespace Eas.Wire.Commands.Sync;

/// <summary>When to send email as MIME (airsync:MIMESupport, MS-ASCMD 2.2.3.110.3); absent means <see cref="Never"/>.</summary>
public enum SyncMimeSupport
{
    /// <summary>Never send MIME.</summary>
    Never = 0,

    /// <summary>Send MIME for S/MIME messages only.</summary>
    SmimeOnly = 1,

    /// <summary>Send MIME for every message.</summary>
    Always = 2,
}
