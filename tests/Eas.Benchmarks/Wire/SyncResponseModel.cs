namespace Eas.Benchmarks.Wire;

/// <summary>One email as a Sync Add carries it (MS-ASEMAIL 2.2.2, MS-ASAIRS 2.2.2.9 Body).</summary>
public sealed record SyncEmail(
    string ServerId,
    string To,
    string From,
    string Subject,
    string DateReceived,
    string DisplayTo,
    int Importance,
    bool Read,
    string Body,
    int BodySize,
    string MessageClass,
    int InternetCpid,
    byte[] ConversationId,
    byte[] ConversationIndex);

/// <summary>A Sync response for one mailbox folder with a window of new emails.</summary>
public sealed record SyncResponseModel(string SyncKey, string CollectionId, IReadOnlyList<SyncEmail> Emails);
