namespace Eas.Load.Bench;

/// <summary>Where the repository and the Release build of the server are, found by walking up to <c>Eas.sln</c>.</summary>
internal static class RepositoryPaths
{
    public const string ServerDll = "src/Eas.Host/bin/Release/net10.0/eas-server.dll";
    public const string BuildHint = "dotnet build -c Release src/Eas.Host";

    /// <summary>The directory holding Eas.sln, searched from the working directory and from this tool's binary; null if neither is inside the repository.</summary>
    public static string? FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Eas.sln"))) return directory.FullName;
            }
        }

        return null;
    }
}
