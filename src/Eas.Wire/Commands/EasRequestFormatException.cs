using Eas.Wire.Http;

namespace Eas.Wire.Commands;

/// <summary>
/// A request body that decoded as WBXML but is not the command MS-ASCMD 2.2.1 (or MS-ASPROV) describes: the wrong root element,
/// a required child missing, a value that is not a number or out of the spec's range, an element the
/// schema does not allow where it stands, or one the request's protocol version does not support. The host
/// answers with the command's protocol-error status, which <see cref="ProtocolErrorStatus.For"/> names
/// (for example <c>SyncStatus.ProtocolError</c>, <c>FolderSyncStatus.ProtocolError</c>), or with HTTP 400
/// where the command has none; it logs <see cref="Exception.Message"/>, which quotes at most a short,
/// sanitized piece of the input.
/// </summary>
public sealed class EasRequestFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EasRequestFormatException(EasCommand command, string element, string message)
        : base($"{command} request: {message}")
    {
        Command = command;
        Element = element;
    }

    /// <summary>The command whose body was wrong.</summary>
    public EasCommand Command { get; }

    /// <summary>The element at fault, as <c>Namespace:Name</c>, e.g. <c>AirSync:WindowSize</c>.</summary>
    public string Element { get; }

    /// <summary>
    /// Whether the fault is a required element that is absent (rather than one that is malformed or not allowed):
    /// from 14.0 a command without a protocol-error code of its own answers it with
    /// <see cref="CommonStatus.InvalidCombinationOfIDs"/> instead of <see cref="CommonStatus.InvalidXML"/>.
    /// </summary>
    public bool MissingElement { get; init; }
}
