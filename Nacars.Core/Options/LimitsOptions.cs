namespace Nacars.Core;

/// <summary>Bounds on what one instance accepts, so a flood or a very long account degrades service, not the server.</summary>
public sealed class LimitsOptions
{
    /// <summary>Open TCP connections per instance (Kestrel). Each open staff page holds one.</summary>
    public int MaxConnections { get; set; } = 2000;
    /// <summary>Open WebSocket connections per instance: staff pages and hub clients.</summary>
    public int MaxWebSocketConnections { get; set; } = 1000;
    /// <summary>Request body limit for every endpoint that does not set its own (a 20,000-character report is far below it).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
    /// <summary>Largest message an open staff page may send: a 20,000-character account in any script, as UTF-8 and
    /// escaped, fits with room to spare (SignalR's default of 32 KB dropped the page).</summary>
    public long MaxCircuitMessageBytes { get; set; } = 512 * 1024;
    /// <summary>Pages whose connection dropped are kept this long, and this many, to reconnect without losing state.</summary>
    public int DisconnectedCircuitMinutes { get; set; } = 3;
    public int DisconnectedCircuitsRetained { get; set; } = 100;
    /// <summary>HTTPS port redirected to outside Development (a proxy that terminates TLS says https itself).</summary>
    public int HttpsPort { get; set; } = 443;
}
