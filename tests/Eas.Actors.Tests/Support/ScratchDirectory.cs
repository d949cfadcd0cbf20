namespace Eas.Actors.Tests.Support;

/// <summary>A fresh directory under the temp directory, deleted with everything in it on dispose.</summary>
public sealed class ScratchDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "eas-test-" + Guid.NewGuid().ToString("N")[..8]);

    public ScratchDirectory()
    {
        Directory.CreateDirectory(Path);
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
