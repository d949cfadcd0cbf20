using System.Collections.Immutable;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.ItemOperations;

/// <summary>
/// An ItemOperations request (MS-ASCMD 2.2.1.10), 12.0+: one or more operations, answered in the same
/// order. Which children each version allows is in <see cref="ItemOperationsVersionRules"/>.
/// </summary>
public sealed record ItemOperationsRequest(ImmutableArray<ItemOperation> Operations)
{
    /// <summary>Turns a decoded body into a request.</summary>
    /// <exception cref="EasRequestFormatException">The body is not an ItemOperations request for this version.</exception>
    public static ItemOperationsRequest Parse(WbxmlElement root, ProtocolVersion version) =>
        ItemOperationsRequestReader.Read(new RequestReader(EasCommand.ItemOperations, version), root);
}
