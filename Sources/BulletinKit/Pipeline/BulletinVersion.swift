/// The tool's version, written into `manifest.json` and printed by `bulletin --version`.
public enum BulletinVersion {
    public static let current = "0.1.0"
}
