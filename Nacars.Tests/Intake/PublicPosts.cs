using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Nacars.Tests.Intake;

/// <summary>Posts the public pages as a browser without JavaScript does: the antiforgery token from the page, then a
/// multipart body (the form with its file input) or a URL-encoded one.</summary>
internal static class PublicPosts
{
    public static async Task<string> TokenAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(path);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"No antiforgery token on {path}");
        return token;
    }

    public static async Task<HttpResponseMessage> MultipartAsync(HttpClient client, string path, string formName,
        IEnumerable<KeyValuePair<string, string>> fields, string fileField, IEnumerable<(byte[] Content, string FileName, string ContentType)> files, string? token = null)
    {
        token ??= await TokenAsync(client, path);
        var body = new MultipartFormDataContent();
        body.Add(new StringContent(token), "__RequestVerificationToken");
        body.Add(new StringContent(formName), "_handler");
        foreach (var (name, value) in fields) body.Add(new StringContent(value), name);
        foreach (var (content, fileName, contentType) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            body.Add(part, fileField, fileName);
        }
        return await client.PostAsync(path, body);
    }

    public static IEnumerable<KeyValuePair<string, string>> Report(string account) =>
    [
        new("Report.Account", account), new("Report.Categories", "money-or-favours"), new("Report.ForceCode", "kent"),
        new("Report.WhereHappened", "Maidstone"), new("Report.ImmediateDanger", "False"), new("Report.StayAnonymous", "True"),
    ];

    public static string ReferenceIn(string html) =>
        Regex.Match(html, "data-testid=\"contact-reference\">(NAC-[0-9A-Z]{4}-[0-9A-Z]{4})<").Groups[1].Value;
}
