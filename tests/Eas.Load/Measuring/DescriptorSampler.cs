namespace Eas.Load.Measuring;

/// <summary>
/// The most descriptors a process held: the entries of <c>/proc/PID/fd</c> (Linux) counted at a fixed interval on a
/// background task, and at the peak what they were (proc_pid_fd(5): a symbolic link to <c>socket:[inode]</c>,
/// <c>pipe:[inode]</c>, <c>anon_inode:...</c> or a file's path). Stops at <see cref="StopAsync"/>, when the process is
/// gone, or when the token given at start is cancelled.
/// </summary>
internal sealed class DescriptorSampler
{
    private readonly int _processId;
    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;
    private readonly TimeSpan _interval;
    private DescriptorKinds? _peak;

    private DescriptorSampler(int processId, TimeSpan interval, CancellationToken cancellationToken)
    {
        _processId = processId;
        _interval = interval;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _loop = Task.Run(LoopAsync, CancellationToken.None);
    }

    public static DescriptorSampler Start(int processId, TimeSpan interval, CancellationToken cancellationToken) => new(processId, interval, cancellationToken);

    /// <summary>Ends sampling, takes a last sample, and returns the peak (null when the process could never be read).</summary>
    public async Task<DescriptorKinds?> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        Take();
        return _peak;
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(_interval);
        try
        {
            do
            {
                if (!Take()) break;
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private bool Take()
    {
        if (Count() is not { } count) return false;
        if (count > (_peak?.Total ?? -1)) _peak = DescriptorKinds.Read(_processId) ?? _peak;
        return true;
    }

    private int? Count()
    {
        try
        {
            return Directory.EnumerateFileSystemEntries($"/proc/{_processId}/fd").Count();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>A process's descriptors at one moment by what they are: sockets, pipes, anonymous inodes (eventfd, epoll, timers), files.</summary>
internal sealed record DescriptorKinds(int Total, int Sockets, int Pipes, int Anonymous, int Files)
{
    public static DescriptorKinds? Read(int processId)
    {
        var (sockets, pipes, anonymous, files) = (0, 0, 0, 0);
        try
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries($"/proc/{processId}/fd"))
            {
                string? target;
                try
                {
                    target = new FileInfo(entry).LinkTarget;
                }
                catch (IOException)
                {
                    continue;
                }

                if (target is null) continue;
                if (target.StartsWith("socket:", StringComparison.Ordinal)) sockets++;
                else if (target.StartsWith("pipe:", StringComparison.Ordinal)) pipes++;
                else if (target.StartsWith("anon_inode:", StringComparison.Ordinal)) anonymous++;
                else files++;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return new DescriptorKinds(sockets + pipes + anonymous + files, sockets, pipes, anonymous, files);
    }
}
