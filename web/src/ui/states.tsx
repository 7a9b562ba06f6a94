import { Button, Result, Spin } from 'antd';
import { useNavigate } from 'react-router-dom';

export function PageLoading() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

export function Forbidden() {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle="您的账号没有此页面的权限，如需开通请联系本单位管理员。"
      extra={<Button onClick={() => navigate('/')}>返回首页</Button>}
    />
  );
}

export function NotFound() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或记录无权访问。"
      extra={<Button onClick={() => navigate('/')}>返回首页</Button>}
    />
  );
}
