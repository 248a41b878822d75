namespace Mixwright.Tools.Roles;

/// <summary>Guesses a role from what a stem sounds like, for names that say nothing ("Audio 07.wav").</summary>
public interface IAudioRoleClassifier
{
    /// <summary>A guess with <see cref="RoleSource.Audio"/>, or <see cref="RoleGuess.Unknown"/> when nothing fits.</summary>
    RoleGuess Classify(StemFeatures features);
}
