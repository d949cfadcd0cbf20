namespace Eas.Mail.Mime;

/// <summary>What a body size limit counts.</summary>
public enum TruncationUnit
{
    /// <summary>Bytes of the UTF-8 encoding, as EAS truncates (MS-ASAIRS 2.2.2.40.2 TruncationSize; 2.2.2.3.2 speaks of its size in bytes).</summary>
    Utf8Bytes,

    /// <summary>UTF-16 code units; a surrogate pair is never split.</summary>
    Characters,
}
