using Nacars.Bench.Assist;
using Nacars.Core.Assistance;

namespace Nacars.Tests.Triage.Assistance;

/// <summary>Issue 27: the learned reporter check and the rules for facts about the person speaking. The model shipped in
/// Core is the one the repository's command makes from the repository's data, and every flag says which words made it.</summary>
public class LearnedReporterCheckTests
{
    [Fact]
    public void The_shipped_model_is_what_train_reporter_model_makes_from_the_repository()
    {
        var shipped = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(AssistCorpus.Find()!.Folder)!)!, "Nacars.Core", "Assistance", "Data", "reporter-model.json");
        var made = Path.Combine(Path.GetTempPath(), $"reporter-model-{Guid.NewGuid():N}.json");
        try
        {
            Assert.Equal(0, ReporterModelTrainer.Run(["train-reporter-model", "--out", made], TextWriter.Null));
            Assert.True(File.ReadAllText(shipped) == File.ReadAllText(made),
                "Nacars.Core/Assistance/Data/reporter-model.json is not what `dotnet run -c Release --project Nacars.Bench -- train-reporter-model` makes: run it and commit the file.");
        }
        finally { File.Delete(made); }
    }

    [Fact]
    public void The_embedded_model_flags_between_sure_and_unsure()
    {
        var model = ReporterClauseModel.Shared;
        Assert.InRange(model.Threshold, 0.05, 0.95);
        Assert.True(model.Weights.Count > 100, $"{model.Weights.Count} weights");
    }

    [Fact]
    public void A_learned_flag_says_which_words_weighed_and_that_it_was_learned()
    {
        var flags = SanitisationGuard.Find("PC Gary Oates at Southwick took cash off the lads. ive got a court date at sunderland magistrates on the 14th over a fight.");
        var learned = flags.Where(f => f.Kind == ReporterFlagKinds.AboutTheReporter).ToList();
        Assert.NotEmpty(learned);
        Assert.All(learned, f =>
        {
            Assert.Matches("\\('[^']+'(, '[^']+')*\\)", f.Why);
            Assert.Contains("learned from labelled accounts", f.Why, StringComparison.Ordinal);
            Assert.Equal("[a detail about the reporter]", f.Replacement);
        });
        Assert.DoesNotContain(flags, f => f.Text.Contains("Gary Oates", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("He keeps messaging me, im 15 and he knows it.", "im 15")]
    [InlineData("I am Polish and he says he will call immigration.", "I am Polish")]
    [InlineData("I have pre-settled status and he says he can fix it if I go with him.", "I have pre-settled status")]
    [InlineData("I use a wheelchair so I was at the window when he did it.", "I use a wheelchair")]
    [InlineData("He lost my file, my crime ref is LC-20251014-1169 and nobody rang me.", "my crime ref is LC-20251014-1169")]
    public void Facts_about_the_person_speaking_are_flagged(string text, string expected) =>
        Assert.Contains(SanitisationGuard.Find(text), f => f.Text.Contains(expected, StringComparison.Ordinal));

    [Theory]
    [InlineData("I'm 20 minutes away from the station and he is still there with her.")]
    [InlineData("I was 10:30 getting there and PC 4471 had already gone.")]
    public void Numbers_that_are_not_an_age_are_not_flagged_as_one(string text) =>
        Assert.DoesNotContain(SanitisationGuard.Find(text), f => f.Kind == ReporterFlagKinds.PersonalDetail);
}
