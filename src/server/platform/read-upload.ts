import type { MultipartFile } from '@fastify/multipart';
import { AppError, invalid } from './errors';

const tooLarge = (uploadMaxMb: number) => new AppError('PAYLOAD_TOO_LARGE', `Berkas melebihi batas unggahan ${uploadMaxMb.toLocaleString('id-ID')} MB`, { maxMb: uploadMaxMb });

/**
 * The sheet uploaded in the multipart field "file" (xlsx or csv imports), whole: a file cut off at the
 * multipart `fileSize` limit is refused with 413 rather than imported in part.
 */
export async function readSheetUpload(file: MultipartFile | undefined, uploadMaxMb: number): Promise<Buffer> {
  if (!file || file.fieldname !== 'file') throw invalid('Unggah berkas xlsx atau csv pada kolom "file"', { field: 'file' });
  try {
    const buffer = await file.toBuffer();
    if (file.file.truncated) throw tooLarge(uploadMaxMb);
    return buffer;
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(uploadMaxMb);
    throw error;
  }
}
