using System.Net;
using System.Net.Sockets;

namespace Sourcing.SystemTests;

/// <summary>
/// A TCP gate between a service and the SMTP sink, so a test can take "the SMTP server" down and bring it
/// back without touching the sink other services use. Open, it forwards every connection to the sink;
/// closed, it refuses new connections and drops the open ones, as a server that went down does.
/// </summary>
public sealed class SmtpGate : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _connections = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;

    public SmtpGate(int targetPort)
    {
        _target = new IPEndPoint(IPAddress.Loopback, targetPort);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Open();
    }

    /// <summary>The port services are given as their SMTP port.</summary>
    public int Port { get; }

    /// <summary>A pause before each chunk the service sends is forwarded: a slow SMTP server, so a test can act in the middle of a run of e-mails.</summary>
    public TimeSpan Delay { get; set; }

    private TaskCompletionSource _flowing = Flowing();

    /// <summary>
    /// Stops forwarding what the service sends (connections stay open): the service waits for the server's answer to
    /// whatever it sent next, as with a server that stalls. <see cref="Release"/> lets it flow again.
    /// </summary>
    public void Hold()
    {
        lock (_gate)
        {
            if (_flowing.Task.IsCompleted)
            {
                _flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Drops the open connections (what they held is lost, as with a connection the server never read to the end); new ones are accepted.</summary>
    public void DropConnections()
    {
        lock (_gate)
        {
            foreach (var connection in _connections)
            {
                connection.Dispose();
            }

            _connections.Clear();
        }
    }

    public void Release()
    {
        lock (_gate)
        {
            _flowing.TrySetResult();
        }
    }

    private static TaskCompletionSource Flowing()
    {
        var flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        flowing.SetResult();
        return flowing;
    }

    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _listener is not null;
            }
        }
    }

    public void Open()
    {
        lock (_gate)
        {
            if (_listener is not null)
            {
                return;
            }

            _stop = new CancellationTokenSource();
            _listener = new TcpListener(IPAddress.Loopback, Port);
            _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _listener.Start();
            _ = AcceptAsync(_listener, _stop.Token);
        }
    }

    public void Close()
    {
        lock (_gate)
        {
            if (_listener is null)
            {
                return;
            }

            _stop!.Cancel();
            _listener.Stop();
            _listener = null;
            foreach (var connection in _connections)
            {
                connection.Dispose();
            }

            _connections.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ForwardAsync(client, stop);
        }
    }

    private async Task ForwardAsync(TcpClient client, CancellationToken stop)
    {
        using var upstream = new TcpClient();
        lock (_gate)
        {
            _connections.Add(client);
            _connections.Add(upstream);
        }

        try
        {
            await upstream.ConnectAsync(_target, stop);
            var (a, b) = (client.GetStream(), upstream.GetStream());
            await Task.WhenAny(CopySlowlyAsync(a, b, stop), b.CopyToAsync(a, stop));
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or IOException or SocketException)
        {
            // The gate closed or a side hung up: the connection ends, as with a server going away.
        }
        finally
        {
            lock (_gate)
            {
                _connections.Remove(client);
                _connections.Remove(upstream);
            }

            client.Dispose();
        }
    }

    private async Task CopySlowlyAsync(Stream from, Stream to, CancellationToken stop)
    {
        var buffer = new byte[16384];
        int read;
        while ((read = await from.ReadAsync(buffer, stop)) > 0)
        {
            Task flowing;
            lock (_gate)
            {
                flowing = _flowing.Task;
            }

            await flowing.WaitAsync(stop);
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, stop);
            }

            await to.WriteAsync(buffer.AsMemory(0, read), stop);
        }
    }

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }
}
