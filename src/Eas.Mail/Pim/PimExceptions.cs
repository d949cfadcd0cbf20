namespace Eas.Mail.Pim;

/// <summary>The PIM store cannot be reached or answered with a server error: retriable, never a reset of a phone's state.</summary>
public sealed class PimStoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A write named a version that is no longer the item's current one (an ETag or UID that moved on).</summary>
public sealed class PimConflictException(string itemId) : Exception($"The item '{itemId}' changed in the store since it was read.")
{
    public string ItemId { get; } = itemId;
}

/// <summary>The store refused one item (too large, not acceptable to it): that item's failure only.</summary>
public sealed class PimItemRejectedException(string itemId, string reason) : Exception($"The store refused the item '{itemId}': {reason}")
{
    public string ItemId { get; } = itemId;
}
