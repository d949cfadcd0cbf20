namespace Eas.Load.Eas;

/// <summary>
/// The server refused the request's connection over its connection cap: 503 with Retry-After and Connection: close
/// (<see cref="EasReply.IsOverCap"/>). Not transient for a load tool: a phone waits the Retry-After, far longer than
/// a measured window, so the device is counted as refused rather than failed.
/// </summary>
internal sealed class EasRefusedException(string command) : EasCallException($"{command}: refused over the server's connection cap (503, Retry-After)");
