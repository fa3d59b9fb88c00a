namespace Sourcing.Testing;

/// <summary>Waits for an eventually consistent effect (an event consumed, an e-mail sent).</summary>
public static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds} s waiting for {what}.");
            }

            await Task.Delay(100);
        }
    }

    public static async Task WaitAsync(Func<Task<bool>> probe, TimeSpan timeout, string what)
    {
        await WaitAsync<object>(async () => await probe() ? new object() : null, timeout, what);
    }
}
