using System.Collections.Immutable;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using GiePage = Eas.Wire.CodePages.GetItemEstimate;

namespace Eas.Wire.Commands.GetItemEstimate;

/// <summary>
/// A GetItemEstimate response (MS-ASCMD 2.2.1.9, 2.2.3.85): a global Status when the whole request failed,
/// otherwise one Response per collection, in request order.
/// </summary>
public sealed record GetItemEstimateResponse : IEasResponse
{
    /// <summary>The global status, for a request that failed as a whole; written when not null.</summary>
    public GetItemEstimateStatus? Status { get; init; }

    /// <summary>One result per requested collection.</summary>
    public ImmutableArray<GetItemEstimateResult> Results { get; init; } = [];

    /// <summary>
    /// Writes the response: Status, then each Response as Status and Collection (Class up to 12.1,
    /// CollectionId, Estimate).
    /// </summary>
    public void Write(WbxmlWriter writer, ProtocolVersion version)
    {
        writer.StartElement(GiePage.GetItemEstimateElement);
        if (Status is { } status) writer.WriteStatus(GiePage.Status, status);
        foreach (var result in Results.IsDefault ? [] : Results)
        {
            writer.StartElement(GiePage.Response);
            writer.WriteStatus(GiePage.Status, result.Status);
            writer.StartElement(GiePage.Collection);
            if (GetItemEstimateVersionRules.AllowsCollectionClass(version)) writer.WriteOptional(GiePage.Class, result.Class);
            writer.WriteElementString(GiePage.CollectionId, result.CollectionId);
            writer.WriteOptional(GiePage.Estimate, result.Estimate);
            writer.EndElement();
            writer.EndElement();
        }

        writer.EndElement();
    }
}
