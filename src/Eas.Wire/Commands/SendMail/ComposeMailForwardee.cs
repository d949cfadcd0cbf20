namespace Eas.Wire.Commands.SendMail;

/// <summary>A recipient of a forwarded meeting, 16.0+ (Forwardee, MS-ASCMD 2.2.3.78): the address (Email) and optionally a name (Name).</summary>
public sealed record ComposeMailForwardee(string Email)
{
    /// <summary>The recipient's display name.</summary>
    public string? Name { get; init; }
}
