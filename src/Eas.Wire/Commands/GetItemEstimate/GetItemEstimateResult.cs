namespace Eas.Wire.Commands.GetItemEstimate;

/// <summary>
/// The estimate for one collection (Response, MS-ASCMD 2.2.3.153.3): its status and, on success, the
/// collection with its Estimate (2.2.3.65).
/// </summary>
/// <param name="Status">The collection's status.</param>
/// <param name="CollectionId">The folder's server id (2.2.3.30.2).</param>
public sealed record GetItemEstimateResult(GetItemEstimateStatus Status, string CollectionId)
{
    /// <summary>How many items a Sync would bring; written when not null.</summary>
    public long? Estimate { get; init; }

    /// <summary>The folder's class, echoed to 2.5-12.1 clients only (2.2.3.27.2).</summary>
    public string? Class { get; init; }
}
