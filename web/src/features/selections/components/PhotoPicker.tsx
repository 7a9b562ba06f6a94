import { Button, Flex, Typography, Upload } from 'antd';
import { attachmentFileUrl } from '../../ledgers/attachments-api';

/** One photo of a nominee (JPEG/PNG/WebP ≤10 MB), shown on the public page once the consent is recorded. */
export function PhotoPicker({ file, onChange, currentId }: { file: File | null; onChange: (f: File | null) => void; currentId?: string | null }) {
  const preview = file ? URL.createObjectURL(file) : currentId ? attachmentFileUrl(currentId) : null;
  return (
    <Flex gap={12} align="center" wrap>
      {preview ? <img src={preview} alt="候选对象照片" style={{ width: 96, height: 96, objectFit: 'cover', borderRadius: 6, border: '1px solid #eee' }} /> : null}
      <Flex vertical gap={4}>
        <Upload accept=".jpg,.jpeg,.png,.webp,image/jpeg,image/png,image/webp" showUploadList={false} beforeUpload={(f) => (onChange(f), false)}>
          <Button>{preview ? '更换照片' : '选择照片'}</Button>
        </Upload>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          JPG、PNG 或 WebP，≤10 MB；公开时自动去除拍摄地点等信息
        </Typography.Text>
        {file ? <Typography.Text style={{ fontSize: 12 }}>{file.name}</Typography.Text> : null}
      </Flex>
    </Flex>
  );
}
