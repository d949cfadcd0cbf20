namespace Eas.Actors.Tests.TestKit;

/// <summary>Waits for a condition that another thread makes true; generous deadline, short polls.</summary>
public static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static async Task True(Func<bool> condition, string because, TimeSpan? deadline = null)
    {
        var started = DateTime.UtcNow;
        while (!condition())
        {
            if (DateTime.UtcNow - started > (deadline ?? Deadline))
            {
                throw new ShouldAssertException($"Timed out waiting until {because}.");
            }

            await Task.Delay(2);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> condition, string because)
    {
        var started = DateTime.UtcNow;
        while (!await condition().WaitAsync(Deadline))
        {
            if (DateTime.UtcNow - started > Deadline)
            {
                throw new ShouldAssertException($"Timed out waiting until {because}.");
            }

            await Task.Delay(2);
        }
    }

    /// <summary>Bounds a wait that should finish quickly, so a bug fails the test instead of hanging it.</summary>
    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Deadline);

    public static Task Within(this Task task) => task.WaitAsync(Deadline);
}
