using System.Text.Json.Nodes;
using Mixwright.Tools.Persistence;
using Mixwright.Tools.Session;
using Mixwright.Tools.Tests.Support;

namespace Mixwright.Tools.Tests;

public sealed class SessionCommandsTests : IDisposable
{
    private readonly TempSession _temp = new("Lead Vox.wav", "Kick.wav", "Bass.wav");

    public void Dispose() => _temp.Dispose();

    private SessionCommands Commands => new(_temp.Engine);

    [Fact]
    public void New_creates_a_session_in_the_stem_folder_by_default()
    {
        string text = Commands.New(_temp.StemsDir);

        string path = Path.Combine(_temp.StemsDir, SessionCommands.DefaultSessionFileName);
        Assert.True(File.Exists(path));
        Assert.Contains("3 tracks at 48000 Hz", text);
        Assert.Contains("Lead Vox: lead vocal (file name word \"lead vox\"", text);
        var session = MixSession.Load(path);
        Assert.Equal(1, session.Version);
        Assert.Equal("Kick.wav", session.Stems.Single(s => s.Name == "Kick").File);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(_temp.StemsDir, AnalysisCache.FolderName, "analysis")).Length);
    }

    [Fact]
    public void New_never_replaces_an_existing_session()
    {
        Commands.New(_temp.StemsDir, _temp.SessionPath);
        string before = File.ReadAllText(_temp.SessionPath);

        var error = Assert.Throws<SessionException>(() => Commands.New(_temp.StemsDir, _temp.SessionPath));

        Assert.Contains("already exists", error.Message);
        Assert.Equal(before, File.ReadAllText(_temp.SessionPath));
    }

    [Fact]
    public void New_reports_bad_folders_clearly()
    {
        Assert.Contains("Stem folder not found", Assert.Throws<SessionException>(() => Commands.New(Path.Combine(_temp.Root, "nope"))).Message);

        string empty = Path.Combine(_temp.Root, "empty");
        Directory.CreateDirectory(empty);
        File.WriteAllText(Path.Combine(empty, "notes.txt"), "not audio");
        Assert.Contains("No audio stems in", Assert.Throws<SessionException>(() => Commands.New(empty)).Message);

        Assert.Contains("does not exist", Assert.Throws<SessionException>(() => Commands.New(_temp.StemsDir, Path.Combine(_temp.Root, "x", "y.json"))).Message);
    }

    [Fact]
    public void New_names_a_stem_the_engine_cannot_read()
    {
        File.WriteAllText(Path.Combine(_temp.StemsDir, "Broken.wav"), "not really audio");
        var engine = new ThrowingEngine("Broken.wav");

        var error = Assert.Throws<SessionException>(() => new SessionCommands(engine).New(_temp.StemsDir, _temp.SessionPath));

        Assert.Contains("Cannot read stem \"Broken.wav\": no RIFF header", error.Message);
        Assert.False(File.Exists(_temp.SessionPath));
    }

    [Fact]
    public void Names_are_unique_and_clear_of_the_bus_words_and_hidden_files_are_skipped()
    {
        _temp.WriteStem("Lead Vox.flac", 20);
        _temp.WriteStem("Master.wav", 21);
        _temp.WriteStem("._Lead Vox.wav", 22);
        File.WriteAllText(Path.Combine(_temp.StemsDir, "readme.txt"), "notes");

        Commands.New(_temp.StemsDir, _temp.SessionPath);
        var session = MixSession.Load(_temp.SessionPath);

        Assert.Equal(["Bass", "Kick", "Lead Vox", "Lead Vox (2)", "Master (stem)"], session.Stems.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal(TargetScope.Master, session.ResolveTarget("master").Scope);
        Assert.Equal("Master (stem)", session.ResolveTarget("Master (stem)").Track);
    }

    [Fact]
    public void The_session_rate_is_the_most_common_stem_rate()
    {
        _temp.Engine.Register("Kick.wav", FakeMixEngine.Summary(-20, sampleRate: 44100))
            .Register("Bass.wav", FakeMixEngine.Summary(-20, sampleRate: 44100));

        Commands.New(_temp.StemsDir, _temp.SessionPath);

        Assert.Equal(44100, MixSession.Load(_temp.SessionPath).SampleRate);
    }

    [Fact]
    public void A_tie_between_rates_goes_to_a_delivery_rate_not_the_highest()
    {
        using var temp = new TempSession("Kick.wav", "Bass.wav", "Pad.wav");
        temp.Engine.Register("Kick.wav", FakeMixEngine.Summary(-20, sampleRate: 8000))
            .Register("Bass.wav", FakeMixEngine.Summary(-20, sampleRate: 44100))
            .Register("Pad.wav", FakeMixEngine.Summary(-20, sampleRate: 192000));

        Assert.Equal(44100, temp.Create().SampleRate);
    }

    [Fact]
    public void State_undo_and_redo_work_on_a_saved_session()
    {
        Commands.New(_temp.StemsDir, _temp.SessionPath);
        var session = MixSession.Load(_temp.SessionPath);
        var tools = _temp.Tools(session);
        tools.SetGain("Kick", 3, reason: "Punchier.");
        tools.Propose("Kick up");
        tools.Commit();

        string undone = Commands.Undo(_temp.SessionPath);
        Assert.StartsWith("Undid cs-1: Kick up", undone);
        Assert.Contains("0 of 1 change sets in effect", undone);
        var state = JsonNode.Parse(Commands.StateJson(_temp.SessionPath))!;
        Assert.Equal(0, state["tracks"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == "Kick")!["gain_db"]!.GetValue<double>());
        Assert.True(state["can_redo"]!.GetValue<bool>());

        Assert.StartsWith("Redid cs-1: Kick up", Commands.Redo(_temp.SessionPath));
        Assert.Equal(3, MixSession.Load(_temp.SessionPath).Console.Track("Kick").GainDb);
        Assert.Contains("Nothing to redo", Assert.Throws<SessionException>(() => Commands.Redo(_temp.SessionPath)).Message);
    }

    [Fact]
    public void Undo_on_a_fresh_session_or_a_missing_file_is_a_clear_error()
    {
        Commands.New(_temp.StemsDir, _temp.SessionPath);

        Assert.Contains("Nothing to undo: no change has been committed yet", Assert.Throws<SessionException>(() => Commands.Undo(_temp.SessionPath)).Message);
        Assert.Contains("No session file at", Assert.Throws<SessionException>(() => Commands.StateJson(Path.Combine(_temp.Root, "missing.json"))).Message);
    }

    private sealed class ThrowingEngine(string badFile) : Engine.IMixEngine
    {
        private readonly FakeMixEngine _inner = new();

        public Engine.AnalysisSummary AnalyzeStem(string stemPath) =>
            Path.GetFileName(stemPath) == badFile ? throw new Dsp.Audio.AudioFormatException("no RIFF header") : _inner.AnalyzeStem(stemPath);

        public Engine.AnalysisSummary AnalyzeMix(Dsp.Mixing.MixDefinition mix) => _inner.AnalyzeMix(mix);
        public Engine.RenderedMix Render(Dsp.Mixing.MixDefinition mix, string outputPath) => _inner.Render(mix, outputPath);
        public double[] EqResponseDb(Dsp.Parameters.ParametricEqSettings eq, Dsp.Parameters.HighPassSettings? highPass, IReadOnlyList<double> frequenciesHz, int sampleRate) =>
            _inner.EqResponseDb(eq, highPass, frequenciesHz, sampleRate);
    }
}
