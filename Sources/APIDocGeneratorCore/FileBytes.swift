#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads with plain POSIX calls, for the thousands of pages and generated files a
/// run reads: no URL is built per file (building one checks the disk for a folder), and the
/// size is known before anything is read.
enum FileBytes {
    enum Outcome {
        case bytes(Data)
        /// The file is larger than the limit; nothing was read.
        case tooLarge(Int)
        case unreadable
        /// Not a regular file (a FIFO, a socket, a device): nothing was read, nothing waited for.
        case notAFile

        /// The bytes read, or nil when there are none.
        var data: Data? {
            if case .bytes(let data) = self { return data }
            return nil
        }
    }

    /// Whether `path` (symbolic links followed) is a folder; nil when nothing is there.
    static func isDirectory(_ path: String) -> Bool? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The bytes of the file at `path` (relative to the open folder `folder`, or to the working
    /// folder), unless it is larger than `limit` or not a regular file. Opened without blocking:
    /// opening a FIFO to read would otherwise wait for a writer, forever.
    static func load(_ path: String, relativeTo folder: Int32 = AT_FDCWD, limit: Int = Int.max) -> Outcome {
        let fd = openat(folder, path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .unreadable }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .unreadable }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .unreadable
        default: return .notAFile
        }
        let size = Int(info.st_size)
        if size > limit { return .tooLarge(size) }
        // The size may change while reading: read to the end of the file, whatever it is.
        var data = Data(count: max(size, 0) + 1)
        var count = 0
        while true {
            if count == data.count {
                if count > limit { return .tooLarge(count) }
                data.count += max(count, 4096)
            }
            let capacity = data.count
            let got = data.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress! + count, capacity - count) }
            if got < 0 {
                if errno == EINTR { continue }
                return .unreadable
            }
            if got == 0 { break }
            count += got
        }
        if count > limit { return .tooLarge(count) }
        data.count = count
        return .bytes(data)
    }
}

/// The files of one folder, opened relative to it (`openat` on a descriptor of the folder): the
/// kernel does not walk the folder's path again for each of the thousands of files a run reads.
/// Where the folder cannot be opened, its files are opened by their whole path.
final class FileFolder: Sendable {
    let path: String
    private let descriptor: Int32

    init(_ path: String) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// The bytes of the file `name` (a path relative to the folder), unless larger than `limit`.
    func load(_ name: String, limit: Int = Int.max) -> FileBytes.Outcome {
        descriptor >= 0 ? FileBytes.load(name, relativeTo: descriptor, limit: limit) : FileBytes.load(path + "/" + name, limit: limit)
    }

    /// The bytes of the file `name`, or nil when it cannot be read.
    func contents(_ name: String) -> Data? { load(name).data }
}
