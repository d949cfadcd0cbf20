using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using Eas.Wire.Commands.Sync;

namespace Eas.Actors.Diagnostics;

/// <summary>
/// Sync instruments on the server's meter: items carried by Sync (MS-ASCMD 2.2.1.21), by data class and direction.
/// <c>sent</c> counts the Add, Change and Delete commands a response carries to the phone (MS-ASCMD 2.2.3.24.1);
/// <c>received</c> counts the phone's own Add, Change, Delete and Fetch commands. A response sent again for a resent
/// key counts again, because its items cross the wire again. The class is one of the fixed EAS classes.
/// </summary>
public sealed class SyncMetrics
{
    /// <summary>The email class (MS-ASEMAIL).</summary>
    public const string Email = "email";

    /// <summary>The contacts class (MS-ASCNTC); calendar and tasks follow when their sync does.</summary>
    public const string Contacts = "contacts";

    private readonly Counter<long> _items;

    public SyncMetrics(Meter meter) =>
        _items = meter.CreateCounter<long>(
            "eas.sync.items", "{item}", "Items carried by Sync, by class (email, ...) and direction (sent to the phone, received from it).");

    /// <summary>Records one collection's exchange: the phone's commands it received and the server commands it answered.</summary>
    public void Exchanged(string dataClass, ImmutableArray<SyncClientCommand> received, ImmutableArray<SyncServerCommand> sent)
    {
        var @class = new KeyValuePair<string, object?>("class", dataClass);
        _items.Add(received.IsDefault ? 0 : received.Length, @class, new KeyValuePair<string, object?>("direction", "received"));
        _items.Add(sent.IsDefault ? 0 : sent.Length, @class, new KeyValuePair<string, object?>("direction", "sent"));
    }
}
