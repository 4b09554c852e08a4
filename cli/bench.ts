export async function runBench(): Promise<void> {}
