import { useState } from 'react';
import { chooseOneImage, cloudPathFor, uploadImage } from './photos';

/** Take or pick one photo and upload it under `folder` right away; `onUploaded` gets its fileID. */
export function usePhotoUpload(folder: string, onUploaded: (fileId: string) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  async function pick() {
    const image = await chooseOneImage();
    if (!image) return;
    setBusy(true);
    setError(undefined);
    const result = await uploadImage(image, cloudPathFor(folder, image));
    setBusy(false);
    if (result.ok) onUploaded(result.data.fileID);
    else setError(result.error.message);
  }

  return { busy, error, pick };
}
