using System.ComponentModel.DataAnnotations;

namespace Nacars.Workbench.Features.Account;

/// <summary>A code typed on a sign-in step (authenticator or recovery code).</summary>
internal sealed class CodeInput
{
    [Required(ErrorMessage = "Enter the code.")]
    [StringLength(20, MinimumLength = 6, ErrorMessage = "Enter the whole code.")]
    public string Code { get; set; } = "";
}
