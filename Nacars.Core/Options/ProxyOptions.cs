namespace Nacars.Core;

public sealed class ProxyOptions
{
    /// <summary>Addresses of reverse proxies (e.g. nginx) whose X-Forwarded-For and X-Forwarded-Proto are believed.
    /// Empty: none are, and the connection's own address is the client. The client address is only ever used, in
    /// memory, to rate-limit the public form; it is never stored or logged.</summary>
    public string[] KnownProxies { get; set; } = [];
}
