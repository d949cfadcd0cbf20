namespace Eas.Actors.Kernel;

/// <summary>A message in a mailbox, with the ask handle that supervision fails if handling it throws.</summary>
internal readonly record struct Envelope(object Message, IReplyHandle? Reply);
