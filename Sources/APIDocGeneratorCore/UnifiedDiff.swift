/// A unified diff of two texts: the common lines at both ends are skipped and the middle shown as
/// one hunk, bounded to `maximumLines` lines with a count of what was cut.
public enum UnifiedDiff {
    public static func diff(old: String, new: String, name: String, maximumLines: Int = 60) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false)
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let context = 3
        let start = max(0, prefix - context)
        let aEnd = a.count - max(0, suffix - context)
        let bEnd = b.count - max(0, suffix - context)
        var lines: [String] = []
        for i in start..<prefix { lines.append(" " + a[i]) }
        for i in prefix..<(a.count - suffix) { lines.append("-" + a[i]) }
        for i in prefix..<(b.count - suffix) { lines.append("+" + b[i]) }
        for i in (a.count - suffix)..<aEnd { lines.append(" " + a[i]) }
        var out = "--- a/\(name)\n+++ b/\(name)\n@@ -\(start + 1),\(aEnd - start) +\(start + 1),\(bEnd - start) @@\n"
        for line in lines.prefix(maximumLines) { out += line + "\n" }
        if lines.count > maximumLines { out += "... (\(lines.count - maximumLines) more diff lines cut)\n" }
        return out
    }
}
