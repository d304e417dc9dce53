export interface PackedPackage {
	installDir: string;
	files: string[];
	load: (file: string) => unknown;
	cleanup: () => void;
}
export function packTarball(repoRoot: string, packageName: string): PackedPackage;
