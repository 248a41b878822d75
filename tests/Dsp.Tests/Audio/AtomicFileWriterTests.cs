using Mixwright.Dsp.Audio;

namespace Mixwright.Dsp.Tests.Audio;

public class AtomicFileWriterTests
{
    [Fact]
    public void Dispose_without_commit_leaves_the_old_file_untouched_and_no_temporary()
    {
        using var dir = new TempDirectory();
        string path = dir.File("mix.session");
        File.WriteAllText(path, "old");

        using (var writer = new AtomicFileWriter(path))
        {
            writer.Stream.Write("new but unfinished"u8);
            writer.Stream.Flush();
            Assert.True(File.Exists(writer.TempPath));
            Assert.Equal(dir.Path, Path.GetDirectoryName(writer.TempPath)); // same directory: the rename is atomic
            Assert.Equal("old", File.ReadAllText(path));
        }

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["mix.session"], dir.Entries());
    }

    [Fact]
    public void Commit_replaces_the_destination()
    {
        using var dir = new TempDirectory();
        string path = dir.File("mix.session");
        File.WriteAllText(path, "old");

        using (var writer = new AtomicFileWriter(path))
        {
            writer.Stream.Write("new"u8);
            writer.Commit();
            Assert.Throws<InvalidOperationException>(() => writer.Commit());
        }

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(["mix.session"], dir.Entries());
    }

    [Fact]
    public void A_tool_can_write_the_temporary_by_path()
    {
        using var dir = new TempDirectory();
        string path = dir.File("sub/render.flac"); // missing directories are created

        using var writer = new AtomicFileWriter(path);
        Assert.EndsWith(".flac", writer.TempPath); // tools like ffmpeg choose the format by extension
        Assert.StartsWith(".render.flac.tmp-", Path.GetFileName(writer.TempPath));
        File.WriteAllText(writer.TempPath, "encoded");
        writer.Commit();

        Assert.Equal("encoded", File.ReadAllText(path));
        Assert.Equal(["render.flac"], Directory.GetFiles(dir.File("sub")).Select(Path.GetFileName));
    }

    [Fact]
    public void Commit_with_nothing_written_is_an_error_and_leaves_the_destination_alone()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.wav");
        File.WriteAllText(path, "old");
        using (var writer = new AtomicFileWriter(path))
            Assert.Throws<InvalidOperationException>(() => writer.Commit());
        Assert.Equal("old", File.ReadAllText(path));
    }
}
