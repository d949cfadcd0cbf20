namespace Eas.Actors.Kernel;

/// <summary>The untyped side of a <see cref="ReplyTo{T}"/>: what the kernel needs to fail an ask.</summary>
internal interface IReplyHandle
{
    bool Fail(Exception error);
}
