namespace Eas.Actors.Accounts;

/// <summary>Reads the directory (loading it if this is the first ask since start); answered with the <see cref="DirectoryState"/>.</summary>
public sealed record GetDirectory
{
    public static readonly GetDirectory Instance = new();
}

/// <summary>An admin's change to the levels above the accounts; answered with the new directory.</summary>
public sealed record ChangeDirectory(DirectoryChange Change, string By);

/// <summary>One change to the directory.</summary>
public abstract record DirectoryChange;

/// <summary>Switches ActiveSync on or off for the whole service.</summary>
public sealed record SetServiceEnabled(bool Enabled) : DirectoryChange;

/// <summary>Replaces the service's account defaults.</summary>
public sealed record SetServiceDefaults(FeatureSettings Defaults) : DirectoryChange;

/// <summary>Replaces a domain's account defaults; null removes the domain (its accounts then use the service's).</summary>
public sealed record SetDomainDefaults(string Domain, FeatureSettings? Defaults) : DirectoryChange;

/// <summary>Creates or replaces an account class; null removes it (its accounts then inherit from their domain).</summary>
public sealed record SetAccountClass(string Name, FeatureSettings? Settings) : DirectoryChange;
