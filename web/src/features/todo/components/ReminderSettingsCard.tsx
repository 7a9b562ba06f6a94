import { Button, Card, Flex, Input, message, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useApiError } from '../../../ui/use-api-error';
import { useRequest } from '../../../ui/use-request';
import { todoApi } from '../api';

/** The user's own 待办提醒: the daily SMS digest on or off, and the mobile it goes to. */
export function ReminderSettingsCard() {
  const settings = useRequest(() => todoApi.reminders(), []);
  const showError = useApiError();
  const [enabled, setEnabled] = useState(true);
  const [phone, setPhone] = useState('');
  const [saving, setSaving] = useState(false);
  const s = settings.data;
  useEffect(() => {
    if (s) setEnabled(s.digestEnabled);
  }, [s]);

  const save = async () => {
    setSaving(true);
    try {
      await todoApi.setReminders({ digestEnabled: enabled, ...(phone.trim() ? { phone: phone.trim() } : {}) });
      setPhone('');
      void message.success('提醒设置已保存');
      settings.reload();
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="待办提醒" size="small" loading={settings.loading} data-testid="reminder-settings">
      {s ? (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">
            每天 {s.hour} 点把当天的待办汇总成一条短信发给您{s.smsConfigured ? '' : '（本系统尚未配置短信服务，提醒只记入系统日志）'}。
          </Typography.Text>
          <Flex gap={8} align="center" wrap>
            <Switch checked={enabled} onChange={setEnabled} data-testid="reminder-enabled" />
            <span>{enabled ? '接收每日待办提醒' : '不接收每日待办提醒'}</span>
          </Flex>
          <Flex gap={8} align="center" wrap>
            <span>接收手机号：{s.phoneMasked ?? '未填写'}</span>
            <Input placeholder="新手机号（11 位）" value={phone} onChange={(e) => setPhone(e.target.value)} style={{ width: 180 }} maxLength={20} data-testid="reminder-phone" />
            <Button type="primary" size="small" loading={saving} onClick={() => void save()} data-testid="reminder-save">
              保存
            </Button>
          </Flex>
        </Flex>
      ) : null}
    </Card>
  );
}
