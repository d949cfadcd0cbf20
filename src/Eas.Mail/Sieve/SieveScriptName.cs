namespace Eas.Mail.Sieve;

/// <summary>One entry of LISTSCRIPTS (RFC 5804 section 2.7): a script's name and whether it is the active one.</summary>
public sealed record SieveScriptName(string Name, bool IsActive);
