using Microsoft.AspNetCore.Identity;
using Nacars.Core.Staff;

namespace Nacars.Workbench.Features.Account;

/// <summary>
/// Passwords of 12 characters or more that are also hard to guess: zxcvbn (Dropbox's estimator, which knows common
/// passwords, words, names, dates, keyboard patterns and l33t substitutions) must score at least 3 of 4. "password1234"
/// is long enough and scores 0. The reason is said in plain words: the common words it found and how soon it falls.
/// </summary>
public sealed class StrongPasswordValidator : IPasswordValidator<NacarsUser>
{
    public const int MinimumScore = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<NacarsUser> manager, NacarsUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success); // the length rule reports it
        // The person's own address and name make a password easier to guess: zxcvbn counts them as known words.
        var known = new[] { user.Email, user.UserName, user.DisplayName }.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w!)
            .SelectMany(w => w.Split(['@', '.', ' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries)).Where(w => w.Length >= 3);
        var result = Zxcvbn.Zxcvbn.MatchPassword(password, known);
        if (result.Score >= MinimumScore) return Task.FromResult(IdentityResult.Success);
        var words = result.MatchSequence.Where(m => m.Pattern is "dictionary" && m.Token.Length >= 3).Select(m => $"“{m.Token}”").Distinct().Take(3).ToList();
        var advice = (words.Count > 0 ? $"It is built on common words or passwords ({string.Join(", ", words)}). " : "") +
            $"Time to guess it: {result.CrackTimeDisplay}.";
        return Task.FromResult(IdentityResult.Failed(new IdentityError
        {
            Code = "PasswordTooGuessable",
            Description = $"This password would be too easy to guess. {advice} A few unrelated words together make a strong one.",
        }));
    }
}
