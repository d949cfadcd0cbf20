namespace Eas.Load.Safety;

/// <summary>A host, URL or connection that is not on this machine's loopback interface was refused.</summary>
internal sealed class LoopbackViolationException(string message) : Exception(message);
