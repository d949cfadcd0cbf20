namespace Eas.Actors.Persistence.Journal;

/// <summary>
/// Marks an event or snapshot that goes into the journal or the snapshot store. The type is bound to
/// <see cref="JsonManifestSerializer"/> (see <see cref="JsonManifestSerializer.Bindings"/>), so Akka never falls
/// back to a serializer that writes CLR type names: stored state must survive renaming a type or a namespace.
/// </summary>
/// <remarks>
/// Each concrete type that implements this interface also needs a manifest in the system's
/// <see cref="JsonManifestSetup"/>; persisting an unregistered type fails with a
/// <see cref="System.Runtime.Serialization.SerializationException"/> that names the type.
/// </remarks>
public interface IPersistedMessage;
