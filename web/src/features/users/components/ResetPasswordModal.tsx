import { App, Button, Flex, Modal, Typography } from 'antd';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // plain http on an intranet has no Clipboard API: fall back to a selected textarea
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    return ok;
  }
}

/** Shows a new random password once; it is not stored anywhere the page can show again. */
export function ResetPasswordModal({ result, onClose }: { result: { name: string; password: string } | null; onClose: () => void }) {
  const { message } = App.useApp();
  return (
    <Modal
      open={Boolean(result)}
      title="密码已重置"
      onCancel={onClose}
      mask={{ closable: false }}
      footer={<Button type="primary" onClick={onClose}>我已记下</Button>}
    >
      {result ? (
        <>
          <Typography.Paragraph>
            {result.name} 的新密码如下。此密码只显示这一次，请复制后当面或通过安全渠道告知本人，并提醒其登录后修改。
          </Typography.Paragraph>
          <Flex gap={8} align="center" wrap>
            <Typography.Text code data-testid="reset-password-value" style={{ fontSize: 18, userSelect: 'all' }}>
              {result.password}
            </Typography.Text>
            <Button
              data-testid="reset-password-copy"
              onClick={() => {
                void copyText(result.password).then((ok) => (ok ? message.success('已复制') : message.warning('复制失败，请手动选中密码复制')));
              }}
            >
              复制
            </Button>
          </Flex>
        </>
      ) : null}
    </Modal>
  );
}
