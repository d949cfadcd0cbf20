namespace Eas.Wire.Commands.SendMail;

/// <summary>
/// The message being replied to or forwarded (ComposeMail:Source, MS-ASCMD 2.2.1.19, 2.2.1.20): FolderId with ItemId, or
/// LongId (a Search result); InstanceId picks one occurrence of a recurring meeting.
/// </summary>
public sealed record ComposeMailSource
{
    /// <summary>The source message's folder (FolderId).</summary>
    public string? FolderId { get; init; }

    /// <summary>The source message's server id (ItemId).</summary>
    public string? ItemId { get; init; }

    /// <summary>The source Search result (LongId).</summary>
    public string? LongId { get; init; }

    /// <summary>The occurrence's start time, for one instance of a recurring meeting (InstanceId).</summary>
    public string? InstanceId { get; init; }
}
