using Nacars.Core.Contacts;

namespace Nacars.Tests.Intake;

public class ReferenceTests
{
    [Fact]
    public void New_references_have_the_NAC_format_in_Crockford_base32()
    {
        for (var i = 0; i < 1000; i++)
        {
            var reference = Reference.NewReference();
            Assert.Matches("^NAC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", reference);
            Assert.True(Reference.IsValid(reference));
        }
    }

    [Fact]
    public void References_are_random_enough_not_to_repeat_in_a_large_sample()
    {
        var seen = Enumerable.Range(0, 50_000).Select(_ => Reference.NewReference()).ToHashSet();
        Assert.Equal(50_000, seen.Count);
    }

    [Theory]
    [InlineData("nac-7k3m-q9xd", "NAC-7K3M-Q9XD")]
    [InlineData(" NAC 7K3M Q9XD ", "NAC-7K3M-Q9XD")]
    [InlineData("7K3M-Q9XD", "NAC-7K3M-Q9XD")]
    [InlineData("NAC-7K3M-Q9OD", "NAC-7K3M-Q90D")]
    public void What_a_person_types_is_normalised(string typed, string expected) =>
        Assert.Equal(expected, Reference.Normalise(typed));

    [Theory]
    [InlineData("")]
    [InlineData("NAC-7K3M")]
    [InlineData("NAC-7K3M-Q9XU")]
    public void Nonsense_is_not_a_reference(string typed) => Assert.Null(Reference.Normalise(typed));

    [Fact]
    public void Phonetic_spelling_reads_the_reference_back() =>
        Assert.Equal("N-A-C dash 7 Kilo 3 Mike dash Quebec 9 X-ray Delta", Reference.ToPhonetic("NAC-7K3M-Q9XD"));
}
